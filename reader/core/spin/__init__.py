"""Stage 4, spin: the changes that alter meaning, picked out of everything that differs.

Runs after alignment and quotation pairing, on what they produced
(``SpinContext``). One module per kind of finding, each a pure function of the
context, run in the order of ``stage.DETECTORS``; ``stage.find_spin`` ranks
their findings, weightiest first.
"""
