"""What a request carries that every layer above the data may read (the reader's language).

Neither a page nor the access guard: both import from here, so `auth` never imports `pages`.
"""
