"""Stage 2, alignment: pair the sentences of two articles and diff each pair word by word.

``aligner`` is the algorithm (anchors, gaps, split and merged sentences, moves);
``similarity`` is the model it scores candidate pairs with.
"""
