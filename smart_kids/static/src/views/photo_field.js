/**
 * A photo a teacher takes on a phone: the whole picture (or its empty placeholder) is the
 * button that opens the camera or the gallery, not only the small pencil shown on hover.
 */
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { ImageField, imageField } from "@web/views/fields/image/image_field";

export class SmartKidsPhotoField extends ImageField {
    static template = "smart_kids.PhotoField";

    get isEmpty() {
        return !this.props.record.data[this.props.name];
    }

    get tapHint() {
        return _t("Tap to take or choose a photo");
    }

    onImageClick(ev) {
        if (this.props.readonly) {
            return;
        }
        ev.currentTarget.closest(".o_field_widget").querySelector("input.o_input_file")?.click();
    }
}

registry.category("fields").add("smart_kids_photo", {
    ...imageField,
    component: SmartKidsPhotoField,
});
