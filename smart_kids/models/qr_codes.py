"""QR codes as PNG images, for cards and the kiosk address."""

import base64
import io

import qrcode

# addresses a tablet elsewhere cannot reach
LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1", "0.0.0.0"})


def qr_png_base64(text):
    """``text`` as a QR code, base64 PNG (medium error correction survives wear)."""
    image = qrcode.make(text, error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()
