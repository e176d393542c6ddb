import { rpc } from "@web/core/network/rpc";

/**
 * What the check-in screen asks the server: one set of actions (controllers/checkin.py).
 * A teacher's phone calls them as the logged-in teacher; the entrance tablet (kiosk) has no
 * login and sends its secret token, which only reaches the centre it belongs to.
 */
export class CheckinBackend {
    constructor(kioskToken) {
        this.route = kioskToken ? "/smart_kids/kiosk/checkin" : "/smart_kids/checkin";
        this.params = kioskToken ? { token: kioskToken } : {};
    }
    call(action, params = {}) {
        return rpc(`${this.route}/${action}`, { ...this.params, ...params });
    }
}
