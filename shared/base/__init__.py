"""What every layer of the core uses: the clock, the errors, and their sentences."""
