"""Stage 3, quotations: find each article's direct quotations, name their speakers, pair them.

``find`` locates quotations by their marks; ``attribution`` names the speaker
of each from the text around it; ``pairing`` matches the two articles'
quotations and gives each pair its status.
"""
