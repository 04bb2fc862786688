"""Protocol behaviour jupyter_kernel_test does not cover: signatures, interrupts,
stdin, display updates, stop_on_error, malformed input, heartbeat, shutdown."""
import os
import signal
import time

import pytest
import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

TIMEOUT = 15


@pytest.fixture
def kernel():
    km, kc = start_new_kernel(kernel_name="tessera", startup_timeout=30)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
    raise TimeoutError("no reply")


def iopub_until_idle(kc, msg_id, timeout=TIMEOUT):
    """All IOPub messages of one request, from busy to idle inclusive."""
    out = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return out
    raise TimeoutError("no idle")


def execute(kc, code, **kw):
    msg_id = kc.execute(code, **kw)
    reply = shell_reply(kc, msg_id)
    return reply, iopub_until_idle(kc, msg_id)


def result_text(iopub):
    for m in iopub:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    return None


def test_busy_first_idle_last_and_execute_input_second(kernel):
    _, kc = kernel
    reply, iopub = execute(kc, 'print("a")\n1 + 1')
    assert reply["content"]["status"] == "ok"
    types = [m["msg_type"] for m in iopub]
    assert types[0] == "status" and iopub[0]["content"]["execution_state"] == "busy"
    assert types[1] == "execute_input"
    assert types[-1] == "status"
    assert "stream" in types and "execute_result" in types
    assert result_text(iopub) == "2"


def test_execution_count_is_monotonic_and_silent_does_not_count(kernel):
    _, kc = kernel
    r1, _ = execute(kc, "1")
    r2, io2 = execute(kc, "2", silent=True)
    r3, _ = execute(kc, "3")
    assert r3["content"]["execution_count"] == r1["content"]["execution_count"] + 1
    assert not [m for m in io2 if m["msg_type"] in ("execute_input", "execute_result")]


def test_bad_signature_is_never_executed(kernel):
    km, kc = kernel
    execute(kc, "marker = 1")
    forged = Session(key=b"not-the-key", username="mallory")
    msg = forged.msg("execute_request", {"code": "marker = 2", "silent": False,
                                         "store_history": True, "user_expressions": {},
                                         "allow_stdin": False, "stop_on_error": True})
    forged.send(kc.shell_channel.socket, msg)
    with pytest.raises(Exception):
        shell_reply(kc, msg["header"]["msg_id"], timeout=1.0)
    _, iopub = execute(kc, "marker")
    assert result_text(iopub) == "1"


def test_malformed_frames_do_not_kill_the_kernel(kernel):
    km, kc = kernel
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.DEALER)
    sock.connect(f"{km.transport}://{km.ip}:{km.shell_port}")
    sock.send_multipart([b"garbage"])
    sock.send_multipart([b"<IDS|MSG>", b"sig", b"{", b"}", b"{}", b"{}"])
    sock.send_multipart([b"<IDS|MSG>"])
    sock.close(0)
    reply, iopub = execute(kc, "40 + 2")
    assert result_text(iopub) == "42"


def test_interrupt_message_mode_lands_fast_and_keeps_state(kernel):
    km, kc = kernel
    execute(kc, "kept = 41")
    msg_id = kc.execute("import time\ntime.sleep(30)")
    time.sleep(0.5)
    t0 = time.time()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=5)
    elapsed = time.time() - t0
    iopub_until_idle(kc, msg_id)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert elapsed < 1.0, elapsed
    _, iopub = execute(kc, "kept + 1")
    assert result_text(iopub) == "42"


def test_interrupt_by_sigint_and_infinite_loop(kernel):
    km, kc = kernel
    execute(kc, "n = 0")
    msg_id = kc.execute("while True:\n    n = n + 1")
    time.sleep(0.5)
    t0 = time.time()
    km.signal_kernel(signal.SIGINT)
    reply = shell_reply(kc, msg_id, timeout=5)
    assert time.time() - t0 < 1.0
    iopub_until_idle(kc, msg_id)
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    _, iopub = execute(kc, "n > 0")
    assert result_text(iopub) == "True"


def test_input_round_trip_through_stdin(kernel):
    _, kc = kernel
    msg_id = kc.execute("name = input('Who? ')", allow_stdin=True)
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    assert req["msg_type"] == "input_request"
    assert req["content"]["prompt"] == "Who? "
    assert req["content"]["password"] is False
    kc.input("Ada")
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"
    iopub_until_idle(kc, msg_id)
    _, iopub = execute(kc, "name")
    assert result_text(iopub) == "'Ada'"


def test_input_without_stdin_is_a_clear_error(kernel):
    _, kc = kernel
    reply, _ = execute(kc, "input('x')", allow_stdin=False)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "StdinNotImplementedError"


def test_update_display_data_reuses_the_display_id(kernel):
    _, kc = kernel
    reply, iopub = execute(kc, "h = display(1, display_id=True)\nh.update(2)")
    assert reply["content"]["status"] == "ok"
    shown = [m for m in iopub if m["msg_type"] == "display_data"]
    updated = [m for m in iopub if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1 and len(updated) == 1
    did = shown[0]["content"]["transient"]["display_id"]
    assert did and updated[0]["content"]["transient"]["display_id"] == did
    assert updated[0]["content"]["data"]["text/plain"] == "2"


def test_stop_on_error_aborts_queued_cells(kernel):
    _, kc = kernel
    ids = [kc.execute("undefined_name"), kc.execute("a = 1"), kc.execute("b = 2")]
    statuses = [shell_reply(kc, i)["content"]["status"] for i in ids]
    assert statuses == ["error", "aborted", "aborted"]
    reply, _ = execute(kc, "c = 3")
    assert reply["content"]["status"] == "ok"


def test_user_expressions(kernel):
    _, kc = kernel
    reply, _ = execute(kc, "a = 3", user_expressions={"sq": "a * a", "bad": "1 / 0"})
    ue = reply["content"]["user_expressions"]
    assert ue["sq"] == {"status": "ok", "data": {"text/plain": "9"}, "metadata": {}}
    assert ue["bad"]["status"] == "error" and ue["bad"]["ename"] == "ZeroDivisionError"


def test_heartbeat_and_kernel_info_on_control_during_a_long_cell(kernel):
    km, kc = kernel
    msg_id = kc.execute("import time\ntime.sleep(3)")
    time.sleep(0.3)
    assert kc.hb_channel.is_beating()
    t0 = time.time()
    ctl = kc.control_channel
    ctl.send(kc.session.msg("kernel_info_request"))
    msg = kc.control_channel.get_msg(timeout=2)
    assert msg["msg_type"] == "kernel_info_reply"
    assert time.time() - t0 < 0.5
    km.interrupt_kernel()
    shell_reply(kc, msg_id)


def test_shutdown_exits_the_process(kernel):
    km, kc = kernel
    kc.shutdown()
    msg = kc.control_channel.get_msg(timeout=5)
    assert msg["msg_type"] == "shutdown_reply"
    deadline = time.time() + 5
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.05)
    assert not km.is_alive()


def test_comm_info_and_unknown_comm_is_closed(kernel):
    _, kc = kernel
    msg_id = kc.comm_info()
    assert shell_reply(kc, msg_id)["content"]["comms"] == {}
    msg = kc.session.msg("comm_open", {"comm_id": "c1", "target_name": "nope", "data": {}})
    kc.shell_channel.send(msg)
    iopub = iopub_until_idle(kc, msg["header"]["msg_id"])
    closes = [m for m in iopub if m["msg_type"] == "comm_close"]
    assert closes and closes[0]["content"]["comm_id"] == "c1"
