"""The shared text toolkit: one sentence splitter, one normaliser, one intent reading.

Both the judge (`interviewer.scoring`) and the interviewer (`interviewer.dialogue`) read text
through this package; neither imports the other's internals.
"""

from interviewer.text.cues import carries_signal
from interviewer.text.intents import INTENTS, Reading, read_turn
from interviewer.text.normalize import normalize
from interviewer.text.sentences import countable_sentences, is_question, split_sentences

__all__ = ["INTENTS", "Reading", "carries_signal", "countable_sentences", "is_question", "normalize", "read_turn", "split_sentences"]
