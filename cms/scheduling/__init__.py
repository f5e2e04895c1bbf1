"""Editorial scheduling: timed publishing and expiry, the periodic tick, the editorial calendar,
headless preview tokens and change notifications to partners."""
