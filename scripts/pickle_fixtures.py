"""Writes pickle fixtures in the fr-server's real payload shapes and their expected decodings.

Run through scripts/make-pickle-fixtures. Deterministic: same inputs, same bytes.
"""
import json
import pickle
import sys
from pathlib import Path

import numpy as np

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
expected = {"numpy_version": np.__version__, "fixtures": {}}

FRAME_KEY = "frames/obama/20251103T120307123456Z-1a2b3c4d5e6f.jpg"


def frame(name="obama", first=True):
    d = {
        "client_name": name,
        "send_time": "14-03-07",
        "frame_size_bytes": 18342,
        "image_object_key": FRAME_KEY,
        "image_bucket": "face-frames",
        "image_content_type": "image/jpeg",
        "storage_provider": "minio",
        "user_image": None,
    }
    if first:
        d["client_ip"] = "172.18.0.9"
        d["client_port"] = 51874
    return d


def face_result(similarity):
    d = frame()
    del d["user_image"]
    rng = np.random.default_rng(7)
    d.update(
        detection_success=True,
        face_bbox=[41, 30, 198, 212],
        face_image=rng.integers(0, 256, size=(240, 240, 3), dtype=np.uint8),
        check_client=True,
        check_spoof=False,
        recognition_threshold=0.3,
        recognition_metric_value=similarity,
    )
    return d


def face_no_face():
    d = frame(first=False)
    del d["user_image"]
    d.update(detection_success=False, face_bbox=None, face_image=None,
             check_client=None, check_spoof=None)
    return d


def face_failure():
    d = frame(first=False)
    del d["user_image"]
    d.update(pipeline="face", processing_error="RuntimeError: CUDA out of memory",
             processing_traceback="Traceback (most recent call last):\n  File \"x.py\", line 1\nRuntimeError")
    return d


def phone_result():
    d = frame(first=False)
    del d["user_image"]
    d.update(phone_bbox=[10, 20, 110, 220], phone_confidence=0.91)
    return d


def saved_action(with_image):
    return {
        "user_name": "obama",
        "Action_Reason": {"action": 1, "reason": 7},
        "Action_image": np.zeros((240, 240, 3), dtype=np.uint8) if with_image else None,
        "action_image_object_key": "actions/Lock_screen/obama/20251103T120308456789Z__Lock_screen__No_face.jpg"
        if with_image else None,
        "action_image_bucket": "face-frames" if with_image else None,
        "detection_type": "face",
        "image_object_key": FRAME_KEY,
        "image_bucket": "face-frames",
        "image_content_type": "image/jpeg",
        "storage_provider": "minio",
        "recognition_metric_value": np.float64(0.42),
        "recognition_threshold": 0.3,
    }


def expect(value):
    """What the Java decoder must produce, in JSON terms (NumPy objects as placeholders)."""
    if isinstance(value, np.ndarray):
        return {"$ndarray": {"dtype": value.dtype.str.lstrip("<>|="), "shape": list(value.shape),
                             "nbytes": int(value.nbytes)}}
    if isinstance(value, np.generic):
        return {"$scalar": {"dtype": value.dtype.str.lstrip("<>|="), "value": value.item()}}
    if isinstance(value, dict):
        return {k: expect(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [expect(v) for v in value]
    return value


cases = {
    "clients_status_active": ["obama", "biden"],
    "clients_status_empty": [],
    "clients_status_obama": ["obama"],
    "clients_status_biden": ["biden"],
    "clients_status_many": [f"ci_user{i:05d}" for i in range(1000)],
    "frame": frame(),
    "face_result_float64": face_result(np.float64(0.71)),
    "face_result_float32": face_result(np.float32(0.5)),
    "face_result_no_face": face_no_face(),
    "face_result_failure": face_failure(),
    "phone_result": phone_result(),
    "saved_action_with_image": saved_action(True),
    "saved_action_no_image": saved_action(False),
    "action_lock_screen": {"action": 1, "reason": 7, "client_name": "obama",
                           "send_time": "14-03-07", "finish_time": "14-03-08"},
    "action_none": {"action": 0, "reason": 0, "client_name": "obama",
                    "send_time": "14-03-07", "finish_time": "14-03-08"},
    "mixed_types": {"t": (1, "two", 3.5), "s": {3}, "b": b"\x00\xff", "big": 2**70, "neg": -5,
                    "nested": {"a": [{"b": [None, True, False]}]}, "ba": bytearray(b"ab")},
}

for name, value in cases.items():
    for protocol in (2, 4, 5):
        data = pickle.dumps(value, protocol=protocol)
        file = f"{name}.p{protocol}.pkl"
        (out / file).write_bytes(data)
        exp = expect(value)
        if name == "mixed_types":  # JSON cannot say tuple/set/bytes; the test checks those itself
            exp = {k: v for k, v in exp.items() if k in ("big", "neg", "nested")}
        expected["fixtures"][file] = {"protocol": protocol, "value": exp}

(out / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
print(f"wrote {len(expected['fixtures'])} fixtures to {out}")
