"""The demo hall and simulated days: the same operations as the hall's people, on a
clock that is told the time."""
