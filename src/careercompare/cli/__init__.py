"""The command line: the program, its commands, their shared options, the questionnaire."""
