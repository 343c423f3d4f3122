"""Facts computed from reference data as at a date: State names in force, treaty status,
committee membership, changes between editions, and the facts one edition's paragraphs see."""
