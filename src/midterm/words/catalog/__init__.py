"""The message catalogs, one per domain; `words.messages` joins them."""
