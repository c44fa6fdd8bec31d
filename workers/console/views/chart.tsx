import { raw } from "hono/html";
import type { FC } from "hono/jsx";

export interface ChartSeries {
  label: string;
  /** Values in minor units, drawn and tabled as amounts. */
  money?: boolean;
  values: (number | null)[];
}

interface ChartProps {
  id: string;
  caption: string;
  /** The first column of the table, naming what each point is (a day, a week). */
  pointName: string;
  /** Each point's time (unix seconds, for the chart's axis) and how the table names it. */
  points: { at: number; label: string }[];
  series: ChartSeries[];
}

const shown = (series: ChartSeries, value: number | null) =>
  value === null ? "–" : series.money ? (value / 100).toFixed(2) : String(value);

/**
 * Chart data for console.js, as JSON inside <script type="application/json">. Script text is not HTML-escaped by
 * the browser, so it goes out raw with `<`, `>` and `&` as JSON escapes: nothing in it can end the script.
 */
export function chartJson(data: unknown) {
  const json = JSON.stringify(data).replace(
    /[<>&]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return raw(json);
}

const chartData = (props: ChartProps) =>
  chartJson({
    pointName: props.pointName,
    x: props.points.map((point) => point.at),
    series: props.series.map(({ label, money, values }) => ({ label, money: Boolean(money), values })),
  });

/** A line chart drawn in the browser, with the same figures as a table for screen readers and pages without JS. */
export const Chart: FC<ChartProps> = (props) => (
  <figure class="chart" aria-labelledby={`${props.id}-caption`}>
    <figcaption id={`${props.id}-caption`}>{props.caption}</figcaption>
    <div class="chart-canvas" data-chart={props.id} aria-hidden="true" />
    <script type="application/json" id={props.id}>
      {chartData(props)}
    </script>
    <details class="chart-data">
      <summary>The figures as a table</summary>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.pointName}</th>
              {props.series.map((series) => (
                <th scope="col" class="number">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.points.map((point, i) => (
              <tr>
                <th scope="row">{point.label}</th>
                {props.series.map((series) => (
                  <td class="number">{shown(series, series.values[i] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  </figure>
);
