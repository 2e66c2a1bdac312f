// Readers of URL input in the browser code: whatever an address holds, they return an answer and never throw.
import {describe, expect, it} from "vitest";
import {chosenComparison} from "../../src/areas/area-client.ts";

const SLUGS = ["stoke-on-trent", "tamworth", "lichfield"];

describe("chosenComparison (?compare= and #compare-)", () => {
  const cases: [string, string, string | null][] = [
    ["?compare=tamworth", "", "tamworth"],
    ["", "#compare-lichfield", "lichfield"],
    ["?compare=", "#compare-tamworth", "tamworth"], // an empty value does not hide the fragment
    ["?compare=&compare=lichfield", "", "lichfield"], // nor an empty first value a later one
    ["?compare=Tamworth%20", "", "tamworth"],
    ["?compare=nowhere", "#compare-tamworth", "tamworth"],
    ["?compare=nowhere", "", null],
    ["?compare=", "", null],
    ["?compare=%", "", null],
    ["?compare=%E0%A4%A", "#compare-%", null],
    ["?compare=<script>alert(1)</script>", "", null],
    ["?compare=../../etc", "", null],
    ["", "#compare-%74amworth", "tamworth"],
    ["", "#%", null],
    ["?compare[]=tamworth", "", null],
    ["?__proto__=tamworth", "", null]
  ];
  it.each(cases)("search %j, hash %j → %j", (search, hash, expected) => {
    expect(chosenComparison(search, hash, SLUGS)).toBe(expected);
  });
});
