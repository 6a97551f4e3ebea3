using Ego.Grpc.Generator;

// protoc starts the plugin with a CodeGeneratorRequest on stdin and reads the response from stdout.
using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
PluginRunner.Run(stdin, stdout);
return 0;
