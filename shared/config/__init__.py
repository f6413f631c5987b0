"""The hall's settings: the TOML file and its checks, the catalogue, the calendar, and
loading them into the database."""
