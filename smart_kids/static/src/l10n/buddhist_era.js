/**
 * Thai users read and type years in the Buddhist Era (B.E. = C.E. + 543), as on every Thai
 * form and in our reports. Only what people see changes: formats that start with the year
 * (yyyy-MM-dd..., yyyyMMdd: what Odoo sends to the server and uses as keys or file names) stay
 * Gregorian, so the database keeps C.E. dates. A year typed from 2400 on is read as B.E. (no date of a child's
 * centre lies in 2400 C.E.); before the date is parsed, so 29/02/2567 (C.E. 2024) is a day.
 */
import { user } from "@web/core/user";

const { DateTime } = luxon;
export const BE_OFFSET = 543;
const TECHNICAL = /^y/; // year first: a machine's format, not a Thai reader's
const BE_YEAR = /(^|\D)(2[4-9]\d\d)(?=\D|$)/;

export function usesBuddhistEra(lang = user.lang) {
    return /^th\b/.test(lang || "");
}

/** "01/06/2566" -> "01/06/2023" (the first four-digit year from 2400 on). */
export function gregorianText(text) {
    return text.replace(BE_YEAR, (_match, before, year) => `${before}${Number(year) - BE_OFFSET}`);
}

export function patchLuxonForBuddhistEra() {
    const toFormat = DateTime.prototype.toFormat;
    DateTime.prototype.toFormat = function (fmt, opts) {
        if (!this.isValid || TECHNICAL.test(fmt)) {
            return toFormat.call(this, fmt, opts);
        }
        return toFormat.call(this.reconfigure({ outputCalendar: "buddhist" }), fmt, opts);
    };
    const fromFormat = DateTime.fromFormat;
    DateTime.fromFormat = function (text, fmt, opts) {
        if (typeof text === "string" && !TECHNICAL.test(fmt) && fmt.includes("yyyy")) {
            text = gregorianText(text);
        }
        return fromFormat.call(this, text, fmt, opts);
    };
}

if (usesBuddhistEra()) {
    patchLuxonForBuddhistEra();
}
