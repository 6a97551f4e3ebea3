using Ego.Cli;

return await EgoctlCommand.Create().Parse(args).InvokeAsync();
