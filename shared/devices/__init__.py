"""What a station does with the world outside: the words of a call, the voice that says
them, the announcer that plays them, and the printed documents."""
