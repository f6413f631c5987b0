"""Qt glue shared by the kiosk and counter apps."""
