"""midterm: which targets of a five-year resolution a province is on track to meet, and why."""

__version__ = "0.1.0"
