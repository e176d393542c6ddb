/**
 * Counts are whole numbers: a graph of centres or children never shows 0.5 on its axis
 * (Chart.js picks fractional steps when the largest count is small).
 */
import { patch } from "@web/core/utils/patch";
import { GraphRenderer } from "@web/views/graph/graph_renderer";

patch(GraphRenderer.prototype, {
    getScaleOptions() {
        const options = super.getScaleOptions(...arguments);
        const { fields, measure } = this.model.metaData;
        const counted = measure === "__count" || fields[measure]?.type === "integer";
        if (options.y && counted) {
            options.y.ticks = { ...options.y.ticks, precision: 0 };
        }
        return options;
    },
});
