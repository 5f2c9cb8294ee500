"""SHA-256 whose running state can be saved and restored, so a resumable upload hashes
each byte once, across requests, servers and restarts.

Python's `hashlib` cannot export its state, so this calls OpenSSL's `SHA256_Init`,
`SHA256_Update` and `SHA256_Final` (the library `hashlib` itself uses) through ctypes and
saves the `SHA256_CTX` structure as hex: eight 32-bit words of state, the bit count, the
unhashed block and its length. The saved state is tied to the machine's byte order,
which all servers sharing one database are assumed to share (x86-64 and ARM64 both
little-endian).
"""

from __future__ import annotations

import ctypes
import ctypes.util

_CTX_SIZE = 112  # sizeof(SHA256_CTX): 8 + 2 + 16 + 2 unsigned ints
_name = ctypes.util.find_library("crypto")
if _name is None:  # pragma: no cover - every Python with hashlib links OpenSSL
    raise ImportError("OpenSSL's libcrypto is needed for resumable SHA-256")
_crypto = ctypes.CDLL(_name)
for _function in ("SHA256_Init", "SHA256_Update", "SHA256_Final"):
    getattr(_crypto, _function).restype = ctypes.c_int
_crypto.SHA256_Update.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t]


class ResumableSha256:
    """`update` as often as needed (off the event loop for big blocks: ctypes releases
    the GIL), `state` to save, `ResumableSha256(saved)` to go on."""

    def __init__(self, saved: str = "") -> None:
        self._context = ctypes.create_string_buffer(_CTX_SIZE)
        if saved:
            raw = bytes.fromhex(saved)
            if len(raw) != _CTX_SIZE:
                raise ValueError("not a saved SHA-256 state")
            ctypes.memmove(self._context, raw, _CTX_SIZE)
        elif _crypto.SHA256_Init(self._context) != 1:
            raise RuntimeError("SHA256_Init failed")

    def update(self, block: bytes | bytearray | memoryview) -> None:
        """Hash more bytes: `bytes` as they are, a writable buffer (a view of a part being
        uploaded) in place, without a copy."""
        view = memoryview(block)
        size = view.nbytes
        if not size:
            return
        address: bytes | ctypes.Array[ctypes.c_char]
        if isinstance(block, bytes):
            address = block
        elif view.readonly:
            address = view.tobytes()
        else:
            address = (ctypes.c_char * size).from_buffer(view)
        if _crypto.SHA256_Update(self._context, address, size) != 1:
            raise RuntimeError("SHA256_Update failed")

    def state(self) -> str:
        return self._context.raw.hex()

    def hexdigest(self) -> str:
        """The digest of everything so far; the running state is left as it was."""
        copy = ctypes.create_string_buffer(self._context.raw, _CTX_SIZE)
        digest = ctypes.create_string_buffer(32)
        if _crypto.SHA256_Final(digest, copy) != 1:
            raise RuntimeError("SHA256_Final failed")
        return digest.raw.hex()
