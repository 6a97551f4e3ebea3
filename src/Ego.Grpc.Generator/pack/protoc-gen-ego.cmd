@echo off
rem protoc runs one executable per plugin; this starts the framework-dependent plugin next to it.
dotnet "%~dp0protoc-gen-ego.dll" %*
