import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { KanbanController } from "@web/views/kanban/kanban_controller";

/** The *Today* board says at a glance who is behind: "3 of 6 open centres are current". */
export class TodayKanbanController extends KanbanController {
    static template = "smart_kids_reports.TodayKanbanView";

    get headline() {
        const root = this.model.root;
        let current = 0;
        let open = 0;
        const count = (status, n) => {
            if (status !== "closed") {
                open += n;
                if (status === "current") {
                    current += n;
                }
            }
        };
        if (root.isGrouped) {
            for (const group of root.groups) {
                count(group.value, group.count);
            }
        } else {
            for (const record of root.records) {
                count(record.data.status, 1);
            }
        }
        const behind = open - current;
        return {
            text: _t("%(current)s of %(open)s open centres are current", { current, open }),
            behind: behind
                ? _t("%(behind)s behind: open a card to see what is missing", { behind })
                : "",
        };
    }
}

registry.category("views").add("smart_kids_today_kanban", {
    ...kanbanView,
    Controller: TodayKanbanController,
});
