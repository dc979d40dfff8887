"""Client for Quill, the desktop signer for Lit Protocol session signatures.

Quill holds the user's Ethereum key; an app asks it for SessionSigs (or for the wallet
AuthSig of its own session key) over Quill's local JSON-RPC API, and the user approves in
Quill. This module speaks that API over Quill's Unix socket (one JSON message per line),
pairs on first use and keeps the pairing token (the OS keychain through ``secret-tool`` when
it works, else 0600 files). Standard library only.

    from quill_signer import QuillClient
    with QuillClient.connect("My app") as quill:
        sigs = quill.request_session_sigs(request)     # {nodeUrl: {sig, ...}}

``AsyncQuillClient`` has the same methods as coroutines. The protocol is documented in
Quill's ``core/api/README.md``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import random
import shutil
import subprocess
import time
import threading
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

__all__ = [
    "QuillClient", "AsyncQuillClient", "default_socket_path",
    "TokenStore", "FileTokenStore", "SecretToolTokenStore", "MemoryTokenStore", "default_token_store",
    "QuillError", "QuillNotRunning", "QuillRejected", "QuillUnauthorized", "QuillUnsupported",
    "QuillExpired", "QuillCancelled", "QuillTooLarge", "QuillRateLimited", "QuillBusy",
    "QuillInvalidRequest", "QuillInternalError", "QuillDisconnected",
    "chipotle_chain_id", "wallet_auth_header", "CHAIN_SECURED_PURPOSES",
]
__version__ = "0.1.0"

Request = Union[Dict[str, Any], str]

#: Largest answer accepted (Quill's own limit for a message is 1 MiB; a 30-node SessionSigs
#: map is about 48 KB, already close to asyncio's 64 KiB default line limit).
MAX_MESSAGE_BYTES = 16 << 20

START_HINT = ("Start the Quill desktop app (it listens on {path}), or, in tests and CI, "
              "`quill-cli serve --dev --dev-key-file KEY --socket {path}`.")


# -------------------------------------------------------------------------------------------
# Errors
# -------------------------------------------------------------------------------------------
class QuillError(Exception):
    """An error answered by Quill. ``code`` is the JSON-RPC code (stable), ``quill_error``
    Quill's own ErrorCode number when it sent one."""

    code: Optional[int] = None

    def __init__(self, message: str, code: Optional[int] = None, quill_error: Optional[int] = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.quill_error = quill_error


class QuillNotRunning(QuillError):
    """No Quill answers on the socket. The message says how to start it."""


class QuillDisconnected(QuillError):
    """Quill closed the connection (it quit, or the connection broke a limit)."""


class QuillRejected(QuillError):
    """4001: the user rejected (pairing, accounts or the request)."""
    code = 4001


class QuillUnauthorized(QuillError):
    """4100: not paired (the user forgot this app, or the token is wrong). The client re-pairs
    once by itself before raising this."""
    code = 4100


class QuillUnsupported(QuillError):
    """4200: this Quill does not offer the method (an older version)."""
    code = 4200


class QuillExpired(QuillError):
    """4300: the request expired before the user decided."""
    code = 4300


class QuillCancelled(QuillError):
    """4301: the request was cancelled (the app logged out on another connection)."""
    code = 4301


class QuillTooLarge(QuillError):
    """4302: the message was too large; Quill closed the connection."""
    code = 4302


class QuillRateLimited(QuillError):
    """4303: rate limited; raised only after the client's own retries with back-off."""
    code = 4303


class QuillBusy(QuillError):
    """4304: too many pending requests, pairing prompts or connections."""
    code = 4304


class QuillInvalidRequest(QuillError):
    """-32602 (and -32600/-32700): the request is invalid. ``field`` names the offending
    member as Quill reported it (``request.nodeUrls[0]``), or None."""

    def __init__(self, message: str, code: Optional[int] = None, quill_error: Optional[int] = None):
        super().__init__(message, code, quill_error)
        # "invalid params: request.nodeUrls[0]: needs an explicit port" → request.nodeUrls[0]
        text = message[len("invalid params: "):] if message.startswith("invalid params: ") else message
        head, sep, _ = text.partition(": ")
        self.field: Optional[str] = head if sep and head and " " not in head else None


class QuillInternalError(QuillError):
    """-32603: Quill failed (keychain, storage)."""
    code = -32603


_BY_CODE = {
    4001: QuillRejected, 4100: QuillUnauthorized, 4200: QuillUnsupported, 4300: QuillExpired,
    4301: QuillCancelled, 4302: QuillTooLarge, 4303: QuillRateLimited, 4304: QuillBusy,
    -32700: QuillInvalidRequest, -32600: QuillInvalidRequest, -32602: QuillInvalidRequest,
    -32603: QuillInternalError,
}


def error_from_rpc(error: Dict[str, Any]) -> QuillError:
    """The typed exception for a JSON-RPC ``error`` member."""
    code = error.get("code")
    message = str(error.get("message", "error"))
    data = error.get("data")
    quill_error = data.get("quillError") if isinstance(data, dict) else None
    cls = _BY_CODE.get(code, QuillError) if isinstance(code, int) else QuillError
    return cls(message, code, quill_error)


def default_socket_path() -> str:
    """Quill's socket: ``$XDG_RUNTIME_DIR/quill/quill.sock`` (as Qt's RuntimeLocation, which
    falls back to ``/tmp/runtime-$USER``)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        runtime = f"/tmp/runtime-{os.environ.get('USER') or os.getuid()}"
    return os.path.join(runtime, "quill", "quill.sock")


# -------------------------------------------------------------------------------------------
# Token stores: where the pairing (appId + token) is kept between runs
# -------------------------------------------------------------------------------------------
class TokenStore:
    """Keeps one pairing per key (Quill's socket path + app name). Values are
    ``{"appId": ..., "token": ...}``."""

    def load(self, key: str) -> Optional[Dict[str, str]]:
        raise NotImplementedError

    def save(self, key: str, value: Dict[str, str]) -> None:
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError


class MemoryTokenStore(TokenStore):
    """Keeps pairings for the life of the process only (the app pairs again next run)."""

    def __init__(self) -> None:
        self._items: Dict[str, Dict[str, str]] = {}

    def load(self, key):
        return self._items.get(key)

    def save(self, key, value):
        self._items[key] = dict(value)

    def delete(self, key):
        self._items.pop(key, None)


class FileTokenStore(TokenStore):
    """Files only the user can read: one 0600 file per pairing in a 0700 folder, default
    ``$XDG_STATE_HOME/quill-signer/pairings`` (``~/.local/state/...``). One file per key, each
    replaced atomically, so processes pairing other apps at the same time never lose each
    other's tokens (no shared file to read-modify-write)."""

    def __init__(self, folder: Optional[Union[str, Path]] = None):
        if folder is None:
            state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
            folder = os.path.join(state, "quill-signer", "pairings")
        self.folder = Path(folder)

    def file_for(self, key: str) -> Path:
        return self.folder / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".json")

    def load(self, key):
        try:
            with open(self.file_for(key), encoding="utf-8") as f:
                data = json.load(f)
        except (FileNotFoundError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return {"appId": data.get("appId"), "token": data.get("token")}

    def save(self, key, value):
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.file_for(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"key": key, "appId": value["appId"], "token": value["token"]}, f)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise

    def delete(self, key):
        try:
            os.unlink(self.file_for(key))
        except FileNotFoundError:
            pass


class SecretToolTokenStore(TokenStore):
    """The OS keychain (Secret Service) through libsecret's ``secret-tool``: one item per key,
    attributes ``service=quill-signer``, ``pairing=<key>``."""

    SERVICE = "quill-signer"

    def __init__(self, executable: Optional[str] = None, timeout: float = 10.0):
        self.executable = executable or shutil.which("secret-tool") or "secret-tool"
        self.timeout = timeout

    def _run(self, args: List[str], stdin: Optional[str] = None) -> subprocess.CompletedProcess:
        return subprocess.run([self.executable, *args], input=stdin, capture_output=True, text=True,
                              timeout=self.timeout, check=False)

    def available(self) -> bool:
        """Whether a Secret Service answers (a lookup of a missing item exits 1 quietly; no
        service prints an error)."""
        try:
            r = self._run(["lookup", "service", self.SERVICE, "pairing", "quill-signer-probe"])
        except (OSError, subprocess.SubprocessError):
            return False
        return r.returncode == 0 or (r.returncode == 1 and not r.stderr.strip())

    def load(self, key):
        r = self._run(["lookup", "service", self.SERVICE, "pairing", key])
        if r.returncode != 0 or not r.stdout:
            return None
        try:
            value = json.loads(r.stdout)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def save(self, key, value):
        r = self._run(["store", f"--label=Quill pairing ({key})", "service", self.SERVICE, "pairing", key],
                      stdin=json.dumps(value))
        if r.returncode != 0:
            raise OSError(f"secret-tool store failed: {r.stderr.strip()}")

    def delete(self, key):
        self._run(["clear", "service", self.SERVICE, "pairing", key])


def default_token_store() -> TokenStore:
    """``secret-tool`` when it is installed and a Secret Service answers, else a 0600 file."""
    if shutil.which("secret-tool"):
        store = SecretToolTokenStore()
        if store.available():
            return store
    return FileTokenStore()


# -------------------------------------------------------------------------------------------
# The asyncio client (the one implementation; QuillClient wraps it)
# -------------------------------------------------------------------------------------------
_STARTED: List[subprocess.Popen] = []  # Quill processes auto_start launched (never waited for)


class AsyncQuillClient:
    """A connection to Quill, paired. Create with ``await AsyncQuillClient.connect(...)``.
    Calls may run concurrently on one connection."""

    #: Back-off on 4303 (rate limited): attempts and the first delay in seconds (doubled
    #: each time, with jitter).
    RATE_LIMIT_ATTEMPTS = 6
    RATE_LIMIT_FIRST_DELAY = 0.1

    def __init__(self, app_name: str, socket_path: str, description: Optional[str], url: Optional[str],
                 token_store: TokenStore):
        self.app_name = app_name
        self.socket_path = socket_path
        self.description = description
        self.url = url
        self.token_store = token_store
        self.app_id: Optional[str] = None
        self.name: Optional[str] = None  # the name the user approved
        self.newly_paired = False  # True if this connection paired (the user was asked)
        self._reader: Optional[asyncio.StreamReader] = None
        self._writer: Optional[asyncio.StreamWriter] = None
        self._pending: Dict[int, asyncio.Future] = {}
        self._next_id = 1
        self._read_task: Optional[asyncio.Task] = None
        self._closed_error: Optional[QuillError] = None
        self._hello_lock: Optional[asyncio.Lock] = None
        self.rate_limit_retries = 0  # calls repeated after 4303 (for logs and tests)

    @classmethod
    async def connect(cls, app_name: str, socket_path: Optional[str] = None, *, description: Optional[str] = None,
                      url: Optional[str] = None, token_store: Optional[TokenStore] = None,
                      auto_start: bool = False, auto_start_timeout: float = 15.0) -> "AsyncQuillClient":
        """Connects to Quill and pairs (first use: the user approves, the token is kept in
        ``token_store``) or presents the kept token. A token Quill no longer knows (the user
        forgot the app) is dropped and the app pairs again, once. With ``auto_start``, when
        nothing answers, runs ``quill --background`` from PATH and waits for its socket.
        Raises QuillNotRunning, QuillRejected (pairing refused), QuillBusy, QuillError."""
        if not app_name or not isinstance(app_name, str):
            raise ValueError("app_name: a non-empty string (shown to the user as a claim)")
        if token_store is None:
            token_store = await asyncio.get_running_loop().run_in_executor(None, default_token_store)
        self = cls(app_name, socket_path or default_socket_path(), description, url, token_store)
        try:
            await self._open()
        except QuillNotRunning:
            if not auto_start:
                raise
            await self._start_quill(auto_start_timeout)
        try:
            await self._hello()
        except BaseException:
            await self.close()
            raise
        return self

    async def _start_quill(self, timeout: float) -> None:
        """auto_start: ``quill --background`` (detached: it outlives this process), then waits."""
        quill = shutil.which("quill")
        if not quill:
            raise QuillNotRunning(f"Quill is not running (nothing answers at {self.socket_path}) and auto_start "
                                  "found no `quill` on PATH. Install Quill, or start it yourself.")
        # Detached on purpose: Quill outlives this process. Kept referenced so that dropping the
        # handle does not warn about a child that is still running.
        _STARTED.append(subprocess.Popen([quill, "--background"], stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                         start_new_session=True))
        deadline = time.monotonic() + timeout
        while True:
            await asyncio.sleep(0.1)
            try:
                await self._open()
                return
            except QuillNotRunning:
                if time.monotonic() >= deadline:
                    raise QuillNotRunning(f"auto_start ran {quill} --background, but nothing answered at "
                                          f"{self.socket_path} within {timeout:g} s. "
                                          + START_HINT.format(path=self.socket_path)) from None

    async def _open(self) -> None:
        try:
            self._reader, self._writer = await asyncio.open_unix_connection(self.socket_path, limit=MAX_MESSAGE_BYTES)
        except (FileNotFoundError, ConnectionRefusedError) as e:
            raise QuillNotRunning(f"Quill is not running (nothing answers at {self.socket_path}: {e.strerror}). "
                                  + START_HINT.format(path=self.socket_path)) from None
        self._closed_error = None
        self._hello_lock = asyncio.Lock()
        self._read_task = asyncio.get_running_loop().create_task(self._read_loop())

    async def _read_loop(self) -> None:
        assert self._reader is not None
        error: QuillError = QuillDisconnected("Quill closed the connection")
        try:
            while True:
                line = await self._reader.readline()
                if not line:
                    break
                if not line.strip():
                    continue
                msg = json.loads(line)
                fut = self._pending.pop(msg.get("id"), None) if isinstance(msg, dict) else None
                if fut is None or fut.done():
                    continue
                if "error" in msg:
                    fut.set_exception(error_from_rpc(msg["error"]))
                else:
                    fut.set_result(msg.get("result"))
        except (ValueError, asyncio.LimitOverrunError) as e:
            error = QuillDisconnected(f"unreadable answer from Quill: {e}")
        except (OSError, asyncio.IncompleteReadError) as e:
            error = QuillDisconnected(f"connection to Quill lost: {e}")
        except asyncio.CancelledError:
            error = QuillDisconnected("connection closed")
        self._closed_error = error
        for fut in self._pending.values():
            if not fut.done():
                fut.set_exception(error)
        self._pending.clear()

    async def _send(self, method: str, params_json: str) -> Any:
        if self._writer is None or self._closed_error is not None:
            raise self._closed_error or QuillDisconnected("not connected")
        rpc_id = self._next_id
        self._next_id += 1
        fut = asyncio.get_running_loop().create_future()
        self._pending[rpc_id] = fut
        self._writer.write(f'{{"jsonrpc":"2.0","id":{rpc_id},"method":{json.dumps(method)},"params":{params_json}}}\n'
                           .encode("utf-8"))
        try:
            await self._writer.drain()
        except OSError as e:
            self._pending.pop(rpc_id, None)
            raise QuillDisconnected(f"connection to Quill lost: {e}") from None
        return await fut

    async def _call_raw(self, method: str, params_json: str) -> Any:
        """One call, retried with exponential back-off while Quill answers 4303."""
        delay = self.RATE_LIMIT_FIRST_DELAY
        for attempt in range(self.RATE_LIMIT_ATTEMPTS):
            try:
                return await self._send(method, params_json)
            except QuillRateLimited:
                if attempt + 1 == self.RATE_LIMIT_ATTEMPTS:
                    raise
                self.rate_limit_retries += 1
                await asyncio.sleep(delay * (1 + random.random() / 2))
                delay *= 2
        raise AssertionError("unreachable")

    @property
    def _token_key(self) -> str:
        return f"{self.socket_path}#{self.app_name}"

    async def _store(self, op: str, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, getattr(self.token_store, op), *args)

    async def _hello(self, forget_saved: bool = False) -> None:
        assert self._hello_lock is not None
        async with self._hello_lock:
            params: Dict[str, Any] = {"name": self.app_name}
            if self.description:
                params["description"] = self.description
            if self.url:
                params["url"] = self.url
            saved = None if forget_saved else await self._store("load", self._token_key)
            if saved and saved.get("appId") and saved.get("token"):
                try:
                    result = await self._call_raw("quill_hello", json.dumps(
                        {**params, "appId": saved["appId"], "token": saved["token"]}))
                    self.app_id, self.name, self.newly_paired = result["appId"], result.get("name"), False
                    return
                except QuillUnauthorized:
                    pass  # the user forgot this app (or the token is stale): pair again, once
            await self._store("delete", self._token_key)
            result = await self._call_raw("quill_hello", json.dumps(params))
            self.app_id, self.name, self.newly_paired = result["appId"], result.get("name"), True
            await self._store("save", self._token_key, {"appId": result["appId"], "token": result["token"]})

    async def _call(self, method: str, params_json: str = "{}") -> Any:
        """A paired call; after 4100 (the user unpaired the app meanwhile) pairs again once
        and repeats it."""
        try:
            return await self._call_raw(method, params_json)
        except QuillUnauthorized:
            await self._hello(forget_saved=True)
            return await self._call_raw(method, params_json)

    @staticmethod
    def _request_json(request: Request) -> str:
        # A str is embedded verbatim (its key order, e.g. of capabilityAuthSigs, is signed);
        # a dict keeps its insertion order.
        if isinstance(request, str):
            text = request.strip()
            json.loads(text)  # must be JSON; Quill checks the rest
            return text
        if isinstance(request, dict):
            return json.dumps(request, separators=(",", ":"), ensure_ascii=False)
        raise TypeError("request: a dict or a JSON text (Quill's REQ document)")

    async def info(self) -> Dict[str, Any]:
        """What this Quill is (``quill_info``). Raises QuillUnsupported, with a clear message,
        on a Quill that predates the method."""
        try:
            return await self._call("quill_info")
        except QuillUnsupported as e:
            raise QuillUnsupported("this Quill does not offer quill_info (it predates it); the other methods work",
                                   e.code, e.quill_error) from None

    async def accounts(self) -> List[str]:
        """The addresses the user chose to reveal to this app (EIP-55)."""
        return await self._call("quill_accounts")

    async def request_session_sigs(self, request: Request, profile: str = "lit-v7") -> Dict[str, Any]:
        """SessionSigs for ``request`` (Quill's REQ document): ``{nodeUrl: {sig, derivedVia,
        signedMessage, address, algo}}``. Quill keeps the app's session key. Waits for the
        user. Raises QuillRejected, QuillExpired, QuillInvalidRequest (``.field``), …"""
        if profile not in ("lit-v7", "lit-v8"):
            raise ValueError("profile: lit-v7 or lit-v8")
        return await self._call("quill_requestSessionSigs",
                                f'{{"request":{self._request_json(request)},"profile":{json.dumps(profile)}}}')

    async def request_auth_sig(self, request: Request, session_public_key: str,
                               profile: Optional[str] = None) -> Dict[str, Any]:
        """The wallet AuthSig ``{sig, derivedVia, signedMessage, address}`` for the app's own
        Ed25519 session key (64 lowercase hex), as Lit SDKs expect from an authNeededCallback."""
        extra = f',"profile":{json.dumps(profile)}' if profile else ""
        return await self._call("quill_requestAuthSig",
                                f'{{"request":{self._request_json(request)},'
                                f'"sessionPublicKey":{json.dumps(session_public_key)}{extra}}}')

    async def sign_siwe_message(self, message: str) -> Dict[str, Any]:
        """Signs a Lit session SIWE message that the app's own Lit SDK built, byte for byte,
        after the user's review: ``{"signature", "authSig"}``. Anything that is not exactly one
        Lit session message raises QuillInvalidRequest naming the part."""
        if not isinstance(message, str):
            raise TypeError("message: the SIWE text")
        return await self._call("quill_signSiweMessage", json.dumps({"message": message}))

    async def sign_lit_chain_secured(self, purpose: str, chain_id: Optional[int] = None, *,
                                     chipotle_url: Optional[str] = None) -> Dict[str, Any]:
        """Lit Chipotle ChainSecured authorization (EIP-712): the request body ``{typed_data,
        signature}`` for ``purpose`` (one of CHAIN_SECURED_PURPOSES), signed by the account the
        user picks when they approve. Give the server's ``chain_id``, or ``chipotle_url`` to read
        it from ``GET /core/v1/get_node_chain_config``. Valid for 5 minutes; replayable in that
        time. Raises QuillRejected, QuillInvalidRequest, …"""
        if chain_id is None and chipotle_url is not None:
            chain_id = await asyncio.get_running_loop().run_in_executor(None, chipotle_chain_id, chipotle_url)
        if isinstance(chain_id, bool) or not isinstance(chain_id, int) or chain_id <= 0:
            raise ValueError("chain_id: a positive integer (or give chipotle_url)")
        return await self._call("quill_signLitChainSecured",
                                f'{{"purpose":{json.dumps(purpose)},"chainId":{chain_id}}}')

    async def sign_typed_data(self, typed_data: Union[Dict[str, Any], str]) -> Dict[str, Any]:
        """Signs ChainSecured typed data the app built (a dict, or its JSON text); Quill refuses
        any other shape with QuillInvalidRequest naming the first difference."""
        return await self._call("quill_signTypedData",
                                f'{{"typedData":{json.dumps(typed_data, separators=(",", ":"))}}}')

    async def revoke(self) -> None:
        """Logs the app out: Quill unpairs it (its session keys are dropped) and the kept token
        is deleted. The connection can no longer make calls."""
        await self._call_raw("quill_revoke", "{}")
        await self._store("delete", self._token_key)

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            try:
                await self._writer.wait_closed()
            except OSError:
                pass
        if self._read_task is not None:
            self._read_task.cancel()
            try:
                await self._read_task
            except asyncio.CancelledError:
                pass
        self._writer = None
        self._read_task = None

    async def __aenter__(self) -> "AsyncQuillClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()


# -------------------------------------------------------------------------------------------
# The synchronous client: the asyncio client on a private event loop
# -------------------------------------------------------------------------------------------
class QuillClient:
    """Blocking client; the same methods and errors as AsyncQuillClient. Not for use inside a
    running event loop (use AsyncQuillClient there). One thread at a time."""

    def __init__(self, loop: asyncio.AbstractEventLoop, inner: AsyncQuillClient):
        self._loop = loop
        self._inner = inner

    @classmethod
    def connect(cls, app_name: str, socket_path: Optional[str] = None, *, description: Optional[str] = None,
                url: Optional[str] = None, token_store: Optional[TokenStore] = None,
                auto_start: bool = False, auto_start_timeout: float = 15.0) -> "QuillClient":
        """See AsyncQuillClient.connect."""
        loop = asyncio.new_event_loop()
        try:
            inner = loop.run_until_complete(AsyncQuillClient.connect(
                app_name, socket_path, description=description, url=url, token_store=token_store,
                auto_start=auto_start, auto_start_timeout=auto_start_timeout))
        except BaseException:
            loop.close()
            raise
        return cls(loop, inner)

    def _run(self, coro):
        return self._loop.run_until_complete(coro)

    app_id = property(lambda self: self._inner.app_id)
    name = property(lambda self: self._inner.name)
    newly_paired = property(lambda self: self._inner.newly_paired)
    socket_path = property(lambda self: self._inner.socket_path)
    rate_limit_retries = property(lambda self: self._inner.rate_limit_retries)

    def info(self) -> Dict[str, Any]:
        return self._run(self._inner.info())

    def accounts(self) -> List[str]:
        return self._run(self._inner.accounts())

    def request_session_sigs(self, request: Request, profile: str = "lit-v7") -> Dict[str, Any]:
        return self._run(self._inner.request_session_sigs(request, profile))

    def request_auth_sig(self, request: Request, session_public_key: str,
                         profile: Optional[str] = None) -> Dict[str, Any]:
        return self._run(self._inner.request_auth_sig(request, session_public_key, profile))

    def sign_siwe_message(self, message: str) -> Dict[str, Any]:
        """See AsyncQuillClient.sign_siwe_message."""
        return self._run(self._inner.sign_siwe_message(message))

    def sign_lit_chain_secured(self, purpose: str, chain_id: Optional[int] = None, *,
                               chipotle_url: Optional[str] = None) -> Dict[str, Any]:
        return self._run(self._inner.sign_lit_chain_secured(purpose, chain_id, chipotle_url=chipotle_url))

    def sign_typed_data(self, typed_data: Union[Dict[str, Any], str]) -> Dict[str, Any]:
        return self._run(self._inner.sign_typed_data(typed_data))

    def revoke(self) -> None:
        self._run(self._inner.revoke())

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self._run(self._inner.close())
        self._loop.close()

    def __enter__(self) -> "QuillClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# -------------------------------------------------------------------------------------------
# Lit Chipotle helpers (issue 15)
# -------------------------------------------------------------------------------------------
#: The ``purpose`` values of sign_lit_chain_secured.
CHAIN_SECURED_PURPOSES = ("create-wallet", "convert-account", "add-usage-api-key", "billing-auth")


def chipotle_chain_id(base_url: str, timeout: float = 10.0) -> int:
    """The chain id a Lit Chipotle server checks ChainSecured signatures against:
    ``GET <base>/core/v1/get_node_chain_config`` → ``chain_id``. ``base_url`` may end in /core/v1."""
    base = base_url.rstrip("/")
    url = f"{base}/get_node_chain_config" if base.endswith("/core/v1") else f"{base}/core/v1/get_node_chain_config"
    with urllib.request.urlopen(url, timeout=timeout) as r:
        chain_id = json.loads(r.read().decode("utf-8")).get("chain_id")
    if isinstance(chain_id, bool) or not isinstance(chain_id, int) or chain_id <= 0:
        raise QuillError(f"{url}: no chain_id in the answer")
    return chain_id


def wallet_auth_header(body: Union[Dict[str, Any], str]) -> str:
    """The ``X-Wallet-Auth`` header value for a BillingAuth body: base64 of its JSON."""
    text = body if isinstance(body, str) else json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    return base64.b64encode(text.encode("utf-8")).decode("ascii")
