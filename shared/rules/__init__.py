"""The hall's rules as use-cases over a Session: tickets, sign-in, AB posts, noon duty,
extended hours, notices, reviews, the lobby's picture, the stations' calls for help."""
