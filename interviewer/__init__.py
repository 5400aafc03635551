"""interviewer: practise the second job interview, and review real ones.

Importing the package is cheap: llama.cpp and LangChain load only when a model is needed.
"""

__version__ = "0.1.0"
