"""`python -m careercompare` runs the command-line tool."""

from careercompare.entry import main

raise SystemExit(main())
