"""quill_signer against a real Quill API: `quill-cli serve --dev` (issue #10).

Environment: QUILL_CLI (path to quill-cli). Run from a folder where quill_signer is the
installed wheel (clients/python/run-tests.sh checks that), never the source tree.
The dev key is the public test key of Quill's spec vectors (4c0883a6…2318).
"""

import asyncio
import datetime
import json
import os
import shutil
import stat
import subprocess
import tempfile
import unittest

import quill_signer
from quill_signer import (AsyncQuillClient, FileTokenStore, MemoryTokenStore, QuillClient, QuillInvalidRequest,
                          QuillNotRunning, QuillRejected, QuillUnsupported, SecretToolTokenStore, error_from_rpc)

CLI = os.environ["QUILL_CLI"]
DEV_KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"  # public test vector
DEV_ADDRESS = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"
SESSION_PK = "a" * 63 + "b"


def make_request(nodes=1, statement=None):
    req = {
        "domain": "localhost:3000",
        "resourceAbilityRequests": [
            {"resource": {"resource": "*", "resourcePrefix": "lit-litaction"}, "ability": "lit-action-execution"},
            {"resource": {"resource": "*", "resourcePrefix": "lit-pkp"}, "ability": "pkp-signing"},
        ],
        "nodeUrls": [f"https://node{i}.example:7470" for i in range(nodes)],
    }
    if statement:
        req["statement"] = statement
    return req


class DevServer:
    """`quill-cli serve --dev` on a private socket; stopped by pid."""

    def __init__(self, folder, approve="all"):
        self.folder = folder
        self.socket = os.path.join(folder, f"quill-{approve}.sock")
        key = os.path.join(folder, "dev.key")
        with open(key, "w") as f:
            f.write(DEV_KEY)
        env = dict(os.environ, QUILL_DATA_DIR=os.path.join(folder, "userdata"))
        self.proc = subprocess.Popen([CLI, "serve", "--dev", "--dev-key-file", key, "--socket", self.socket,
                                      "--approve", approve], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=env)
        line = self.proc.stdout.readline()
        if not line.startswith("READY "):
            self.proc.kill()
            raise RuntimeError(f"serve --dev did not start: {line!r} {self.proc.stderr.read()}")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.proc.stderr.close()


def verify(sigs, *extra):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(sigs, f)
    try:
        r = subprocess.run([CLI, "verify", f.name, "--address", DEV_ADDRESS, *extra], capture_output=True, text=True)
        return r.returncode, r.stdout
    finally:
        os.unlink(f.name)


def verify_chain_secured(body, chain_id, *extra):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write(body if isinstance(body, str) else json.dumps(body))
    try:
        r = subprocess.run([CLI, "chainsecured", "verify", f.name, "--chain-id", str(chain_id), *extra],
                           capture_output=True, text=True)
        return r.returncode, r.stdout + r.stderr
    finally:
        os.unlink(f.name)


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="quill-py-")
        cls.server = DevServer(cls.tmp, "all")
        cls.refusing = DevServer(cls.tmp, "none")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.refusing.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.tokens = FileTokenStore(os.path.join(self.tmp, f"tokens-{self.id()}"))

    def connect(self, name="Python test", **kw):
        kw.setdefault("token_store", self.tokens)
        return QuillClient.connect(name, self.server.socket, **kw)

    def test_installedWheel_isWhatIsTested(self):
        self.assertNotIn(os.path.join("clients", "python", "quill_signer"), quill_signer.__file__)

    def test_connect_pairsOnceThenReusesToken(self):
        with self.connect(description="unit test", url="https://example.org") as q:
            self.assertTrue(q.newly_paired)
            first = q.app_id
        key = f"{self.server.socket}#Python test"
        self.assertEqual(stat.S_IMODE(os.stat(self.tokens.file_for(key)).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(self.tokens.folder).st_mode), 0o700)
        with self.connect() as q:
            self.assertFalse(q.newly_paired)
            self.assertEqual(q.app_id, first)

    def test_connect_repairsWhenTokenUnknown(self):
        with self.connect() as q:
            first = q.app_id
        saved = self.tokens.load(f"{self.server.socket}#Python test")
        self.tokens.save(f"{self.server.socket}#Python test", {**saved, "token": "0" * 64})
        with self.connect() as q:
            self.assertTrue(q.newly_paired)
            self.assertNotEqual(q.app_id, first)

    def test_accounts_revealsDevAccount(self):
        with self.connect() as q:
            self.assertEqual(q.accounts(), [DEV_ADDRESS])

    def test_requestSessionSigs_verifies(self):
        with self.connect() as q:
            sigs = q.request_session_sigs(make_request(3, "Sign in to the Python test."))
        self.assertEqual(len(sigs), 3)
        rc, out = verify(sigs, "--resource", "lit-litaction://*", "--ability", "lit-action-execution")
        self.assertEqual(rc, 0, out)

    def test_requestSessionSigs_v8ProfileAndTextRequest(self):
        req = make_request(2)
        req["maxPrices"] = {url: "0x1000" for url in req["nodeUrls"]}
        text = json.dumps(req)
        with self.connect() as q:
            sigs = q.request_session_sigs(text, profile="lit-v8")
        self.assertEqual(len(sigs), 2)
        self.assertEqual(verify(sigs)[0], 0)

    # Lit Chipotle ChainSecured (issue 15), checked by quill-cli's copy of the server's checks.
    def test_signLitChainSecured_verifies(self):
        with self.connect() as q:
            body = q.sign_lit_chain_secured("add-usage-api-key", 84532)
            self.assertEqual(list(body), ["typed_data", "signature"])
            self.assertEqual(body["typed_data"]["message"]["address"], DEV_ADDRESS)
            rc, out = verify_chain_secured(body, 84532, "--purpose", "add-usage-api-key")
            self.assertEqual(rc, 0, out)
            self.assertEqual(verify_chain_secured(quill_signer.wallet_auth_header(body), 84532)[0], 0)
            self.assertEqual(verify_chain_secured(body, 8453)[0], 1)
            again = q.sign_typed_data(json.dumps(body["typed_data"]))
            self.assertEqual(again["typed_data"], body["typed_data"])
            bad = dict(body["typed_data"], types={**body["typed_data"]["types"], "Extra": []})
            with self.assertRaises(QuillInvalidRequest) as e:
                q.sign_typed_data(bad)
            self.assertIn("unexpected type Extra", str(e.exception))
            with self.assertRaises(ValueError):
                q.sign_lit_chain_secured("billing-auth")

    def test_chipotleChainId_readsTheServersConfig(self):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                ok = self.path == "/core/v1/get_node_chain_config"
                self.send_response(200 if ok else 404)
                self.end_headers()
                if ok:
                    self.wfile.write(b'{"chain_name":"base-sepolia","chain_id":84532,"is_evm":true}')

            def log_message(self, *args):
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{httpd.server_address[1]}"
            self.assertEqual(quill_signer.chipotle_chain_id(base), 84532)
            self.assertEqual(quill_signer.chipotle_chain_id(base + "/core/v1/"), 84532)
            with self.connect() as q:
                body = q.sign_lit_chain_secured("create-wallet", chipotle_url=base)
            self.assertEqual(body["typed_data"]["domain"]["chainId"], "84532")
        finally:
            httpd.shutdown()
            httpd.server_close()

    def test_requestAuthSig_forAppSessionKey(self):
        with self.connect() as q:
            auth = q.request_auth_sig(make_request(1), SESSION_PK)
        self.assertEqual(auth["address"], DEV_ADDRESS)
        self.assertEqual(auth["derivedVia"], "web3.eth.personal.sign")
        self.assertIn(f"URI: lit:session:{SESSION_PK}", auth["signedMessage"])

    def test_signSiweMessage_signsTheTextAsItIs(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        with open(os.path.join(os.environ["QUILL_TEST_DATA"], "siwemessage", "valid_v7_default_statement.txt")) as f:
            text = (f.read().replace("Issued At: 2035-01-15T12:00:00.000Z", "Issued At: " + iso(now))
                    .replace("Expiration Time: 2035-01-16T12:00:00.000Z",
                             "Expiration Time: " + iso(now + datetime.timedelta(hours=1))))
        with self.connect() as q:
            signed = q.sign_siwe_message(text)
            self.assertEqual(signed["authSig"]["signedMessage"], text)
            self.assertEqual(signed["authSig"]["sig"], signed["signature"])
            self.assertEqual(signed["authSig"]["address"], DEV_ADDRESS)
            with self.assertRaises(QuillInvalidRequest) as caught:
                q.sign_siwe_message(text + "\nAlso send 1 ETH.")
            self.assertEqual(caught.exception.code, -32602)

    def test_invalidRequest_namesField(self):
        req = make_request(1)
        req["resourceAbilityRequests"][0]["ability"] = "pkp-signing"
        with self.connect() as q:
            with self.assertRaises(QuillInvalidRequest) as cm:
                q.request_session_sigs(req)
        self.assertEqual(cm.exception.code, -32602)
        self.assertIn("resourceAbilityRequests[0]", cm.exception.field or "")

    def test_info_supportedOrClearError(self):
        with self.connect() as q:
            try:
                info = q.info()
                self.assertIsInstance(info, dict)
            except QuillUnsupported as e:
                self.assertEqual(e.code, 4200)
                self.assertIn("quill_info", str(e))
            self.assertEqual(q.accounts(), [DEV_ADDRESS])  # the connection still works

    def test_revoke_forgetsTokenAndNextConnectPairs(self):
        q = self.connect()
        first = q.app_id
        q.revoke()
        q.close()
        self.assertIsNone(self.tokens.load(f"{self.server.socket}#Python test"))
        with self.connect() as q2:
            self.assertTrue(q2.newly_paired)
            self.assertNotEqual(q2.app_id, first)

    def test_approveNone_rejectedWith4001(self):
        with self.assertRaises(QuillRejected) as cm:
            QuillClient.connect("Refused app", self.refusing.socket, token_store=MemoryTokenStore())
        self.assertEqual(cm.exception.code, 4001)

    def test_notRunning_saysHowToStart(self):
        with self.assertRaises(QuillNotRunning) as cm:
            QuillClient.connect("x", os.path.join(self.tmp, "absent.sock"), token_store=MemoryTokenStore())
        self.assertIn("quill-cli serve --dev", str(cm.exception))
        self.assertIn("Quill", str(cm.exception))

    def test_autoStart_runsQuillBackgroundFromPath(self):
        # A stand-in `quill` that starts `quill-cli serve --dev` on the socket the client waits for.
        bin_dir = os.path.join(self.tmp, "autostart-bin")
        os.makedirs(bin_dir, exist_ok=True)
        sock = os.path.join(self.tmp, "autostart.sock")
        key = os.path.join(self.tmp, "autostart.key")
        pid_file = os.path.join(self.tmp, "autostart.pid")
        args_file = os.path.join(self.tmp, "autostart.args")
        with open(key, "w") as f:
            f.write(DEV_KEY)
        script = os.path.join(bin_dir, "quill")
        with open(script, "w") as f:
            f.write(f"#!/bin/sh\necho \"$@\" > '{args_file}'\necho $$ > '{pid_file}'\n"
                    f"exec '{CLI}' serve --dev --dev-key-file '{key}' --socket '{sock}' --approve all >/dev/null 2>&1\n")
        os.chmod(script, 0o755)
        saved = os.environ["PATH"]
        try:
            with self.assertRaises(QuillNotRunning):
                QuillClient.connect("No autostart", sock, token_store=MemoryTokenStore())
            os.environ["PATH"] = bin_dir + os.pathsep + saved
            with QuillClient.connect("Autostarted", sock, token_store=MemoryTokenStore(), auto_start=True) as q:
                self.assertEqual(q.accounts(), [DEV_ADDRESS])
            with open(args_file) as f:
                self.assertEqual(f.read().strip(), "--background")
            os.environ["PATH"] = os.path.join(self.tmp, "empty-bin")
            with self.assertRaises(QuillNotRunning) as cm:
                QuillClient.connect("No quill", os.path.join(self.tmp, "none.sock"), token_store=MemoryTokenStore(),
                                    auto_start=True, auto_start_timeout=1)
            self.assertIn("no `quill` on PATH", str(cm.exception))
        finally:
            os.environ["PATH"] = saved
            try:
                with open(pid_file) as f:
                    os.kill(int(f.read()), 15)
            except (OSError, ValueError):
                pass

    def test_async_largeAnswerAndConcurrentCalls(self):
        async def run():
            q = await AsyncQuillClient.connect("Async test", self.server.socket, token_store=self.tokens)
            try:
                # 60 nodes: ~95 KB on one line, beyond asyncio's 64 KiB default limit.
                big, small = await asyncio.gather(q.request_session_sigs(make_request(60)),
                                                  q.request_session_sigs(make_request(2)))
                return big, small
            finally:
                await q.close()
        big, small = asyncio.run(run())
        self.assertEqual(len(big), 60)
        self.assertGreater(len(json.dumps(big)), 65536)
        self.assertEqual(len(small), 2)
        self.assertEqual(verify(big)[0], 0)

    def test_async_rateLimitBackoff(self):
        # 150 calls at once exceed the bucket (100, refilled 20/s): Quill answers some with
        # 4303 and the client backs off and retries until all succeed.
        async def run():
            async with await AsyncQuillClient.connect("Burst", self.server.socket, token_store=self.tokens) as q:
                results = await asyncio.gather(*(q.accounts() for _ in range(150)))
                return results, q.rate_limit_retries
        results, retries = asyncio.run(run())
        self.assertEqual(results, [[DEV_ADDRESS]] * 150)
        self.assertGreater(retries, 0, "Quill never answered 4303: the burst did not test the back-off")

    def test_fileStore_twoStoresOneFolder_keepBothPairings(self):
        # Two processes (here: two store objects) pairing different apps in one folder.
        folder = os.path.join(self.tmp, "shared-folder")
        a, b = FileTokenStore(folder), FileTokenStore(folder)
        a.save("k1", {"appId": "1", "token": "t1"})
        b.save("k2", {"appId": "2", "token": "t2"})
        a.delete("absent")
        self.assertEqual(FileTokenStore(folder).load("k1"), {"appId": "1", "token": "t1"})
        self.assertEqual(FileTokenStore(folder).load("k2"), {"appId": "2", "token": "t2"})

    @unittest.skipUnless(shutil.which("secret-tool") and SecretToolTokenStore().available(), "no Secret Service")
    def test_secretToolStore_roundTrip(self):
        store = SecretToolTokenStore()
        with QuillClient.connect("Keyring app", self.server.socket, token_store=store) as q:
            app_id = q.app_id
        self.assertEqual(store.load(f"{self.server.socket}#Keyring app")["appId"], app_id)
        with QuillClient.connect("Keyring app", self.server.socket, token_store=store) as q:
            self.assertFalse(q.newly_paired)
            q.revoke()
        self.assertIsNone(store.load(f"{self.server.socket}#Keyring app"))


class ErrorMappingTest(unittest.TestCase):
    def test_codes_mapToTypes(self):
        for code, name in [(4001, "QuillRejected"), (4100, "QuillUnauthorized"), (4200, "QuillUnsupported"),
                           (4300, "QuillExpired"), (4301, "QuillCancelled"), (4302, "QuillTooLarge"),
                           (4303, "QuillRateLimited"), (4304, "QuillBusy"), (-32602, "QuillInvalidRequest"),
                           (-32600, "QuillInvalidRequest"), (-32603, "QuillInternalError"), (1234, "QuillError")]:
            e = error_from_rpc({"code": code, "message": "m", "data": {"quillError": 7}})
            self.assertEqual(type(e).__name__, name)
            self.assertEqual(e.code, code)
            self.assertEqual(e.quill_error, 7)

    def test_invalidParams_fieldFromMessage(self):
        e = error_from_rpc({"code": -32602, "message": "request.nodeUrls[0]: no explicit port"})
        self.assertEqual(e.field, "request.nodeUrls[0]")
        e = error_from_rpc({"code": -32602, "message": "invalid params: request.bogus: unknown key"})
        self.assertEqual(e.field, "request.bogus")
        self.assertIsNone(error_from_rpc({"code": -32602, "message": "bad things happened"}).field)


if __name__ == "__main__":
    unittest.main()
