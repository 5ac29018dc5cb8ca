"""Initial passwords for imported accounts: random, easy to read aloud and to type from paper.

No 0/O/o, 1/l/I: a sheet printed for a school must not be misread. Ten characters from 56 give
about 58 bits, beyond guessing; the person must change it at first login anyway.

Hashing: with PBKDF2 (Django's default) at its full work factor, hashing takes most of a second,
so a province's 10,000 new accounts would take hours in one request. A random 58-bit password
needs no key stretching to resist guessing, so initial passwords are hashed with the same
algorithm at INITIAL_ITERATIONS; Django re-hashes at the full work factor on the first login
(`must_update`), which is also the moment the person chooses their own password."""

import secrets

from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher, make_password

ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 10
INITIAL_ITERATIONS = 10_000


def initial_password() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def initial_password_hash(password: str) -> str:
    hasher = get_hasher("default")
    if isinstance(hasher, PBKDF2PasswordHasher):
        return hasher.encode(password, hasher.salt(), iterations=INITIAL_ITERATIONS)
    return make_password(password)
