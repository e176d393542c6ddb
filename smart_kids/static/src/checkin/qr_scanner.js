import { Component, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { CropOverlay } from "@web/core/barcode/crop_overlay";
import {
    BarcodeVideoScanner,
    isBarcodeScannerSupported,
} from "@web/core/barcode/barcode_video_scanner";
import { browser } from "@web/core/browser/browser";

/**
 * Odoo's camera scanner crops to a thin horizontal band made for 1-D barcodes; a QR card
 * held in front of the camera does not fit in it. This overlay starts with a centred
 * square instead, and remembers its own position apart from the 1-D scanners.
 */
export class SquareCropOverlay extends CropOverlay {
    setup() {
        super.setup();
        this.localStorageKey = "smart_kids-qr-scanner-overlay";
    }

    computeDefaultPoint() {
        if (browser.localStorage.getItem(this.localStorageKey)) {
            return super.computeDefaultPoint();
        }
        const style = getComputedStyle(this.cropContainerRef.el.firstChild);
        const width = parseFloat(style.width);
        const height = parseFloat(style.height);
        const side = Math.min(width, height) * 0.8;
        // the overlay keeps a point at a corner of the transparent area
        this.relativePosition = { x: (width + side) / 2, y: (height + side) / 2 };
    }
}

export class QrVideoScanner extends BarcodeVideoScanner {
    static components = { CropOverlay: SquareCropOverlay };
}

export class QrScanDialog extends Component {
    static template = "smart_kids.QrScanDialog";
    static components = { Dialog, QrVideoScanner };
    static props = ["close", "onResult"];

    setup() {
        this.state = useState({ supported: isBarcodeScannerSupported(), error: "" });
    }

    onError(error) {
        // no camera, or permission refused: say so in the dialog, the screen stays usable
        this.state.supported = false;
        this.state.error = error.message || String(error);
    }

    onResult(result) {
        this.props.close();
        this.props.onResult(result);
    }
}

/** Opens the camera and resolves with the first QR code read. */
export function scanQrCode(env) {
    return new Promise((resolve) => {
        env.services.dialog.add(QrScanDialog, { onResult: resolve });
    });
}
