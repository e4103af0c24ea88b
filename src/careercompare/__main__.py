"""`python -m careercompare` runs the command-line tool."""

from careercompare.cli.entry import main

raise SystemExit(main())
