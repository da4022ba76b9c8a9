@echo off
rem campaign-desk-cli verify / backup / restore ...: the installed app's command line (campaign-desk.exe --cli).
rem A batch file waits for the program and passes on its exit code, which cmd.exe does not for a window program.
"%~dp0campaign-desk.exe" --cli %*
exit /b %ERRORLEVEL%
