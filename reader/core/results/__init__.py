"""What a comparison produced, and the ways it is shown.

``comparison`` holds the immutable result values and their JSON form (the CLI
contract); ``summary`` counts them; ``query`` answers what views ask of a
comparison; ``marks`` gives the ranges each view colours; ``labels`` names
kinds and statuses for people; ``report`` writes the HTML report.
"""
