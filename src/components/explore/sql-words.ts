// Engine errors in plain words. The engine's own message is shown beside them, for analysts who want it.

const RULES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/disabled through configuration|external access|Permission Error|lock_configuration|Cannot change .*setting/i,
    () => "This box reads only its own tables: it cannot read files, web addresses or extensions, or change the engine's settings."],
  [/Table with name ([^\s]+) does not exist|Table Function with name ([^\s]+) does not exist/i,
    (m) => `There is no table called ${m[1] ?? m[2]} here. The tables are crimes and areas.`],
  [/Referenced column "?([^"\s]+)"? not found/i, (m) => `There is no column called ${m[1]}. The columns are listed above the box.`],
  [/Scalar Function with name ([^\s]+) does not exist/i, (m) => `There is no function called ${m[1]}.`],
  [/syntax error at or near "?([^"]*)"?|syntax error at end of input/i,
    (m) => (m[1] ? `The query could not be read near "${m[1]}": check the commas, brackets and quotes there.` : "The query ends too soon: something is missing at the end.")],
  [/Parser Error/i, () => "The query could not be read: check the commas, brackets and quotes."],
  [/must appear in the GROUP BY clause|GROUP BY/i, () => "Each column you select must either be in GROUP BY or be inside an aggregate such as sum() or count()."],
  [/Binder Error/i, () => "The query names something that does not fit: a column, table or function used in the wrong place."],
  [/Conversion Error|Could not convert|Invalid Input Error/i, () => "A value could not be converted: check that text is compared with text, and numbers with numbers."],
  [/Out of Memory|memory access out of bounds|could not allocate|failed to allocate|memory limit/i,
    () => "The query needed more memory than the browser allows. Filter or aggregate first, or ask for fewer rows."],
  [/unreachable|RuntimeError|worker|terminated/i, () => "The engine stopped working. It starts again when you run the next query."],
  [/INTERRUPT|cancel/i, () => "The query was stopped."]
];

export function plainError(message: string): string {
  for (const [pattern, words] of RULES) {
    const m = message.match(pattern);
    if (m) return words(m);
  }
  return "The engine could not run the query.";
}
