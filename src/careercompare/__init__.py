"""careercompare: compare healthcare careers side by side, every figure with its source."""

__version__ = "0.1.0"
