// Wording and month arithmetic, each in one place: what every page and chart says about ranks, changes and periods.
import {describe, expect, test} from "vitest";
import {describeChange, formatMonthRange} from "../../src/components/format.ts";
import {monthGaps, monthIndex, monthRuns, monthsBetween, nextMonth, shiftMonth} from "../../src/components/months.ts";
import {article, capital, comparedWith, describeGaps, describeMonths, during, listWords, lower, numberWord, ordinal, ordinalHighest, ordinalLowest, periodWords, possessive, rankWords} from "../../loaders/lib/words.ts";

describe("months", () => {
  test("shift across year ends, both ways", () => {
    expect(shiftMonth("2025-01", -1)).toBe("2024-12");
    expect(shiftMonth("2024-12", 1)).toBe("2025-01");
    expect(shiftMonth("2025-03", -12)).toBe("2024-03");
    expect(shiftMonth("2025-03", -27)).toBe("2022-12");
    expect(nextMonth("2022-11")).toBe("2022-12");
    expect(monthIndex("2025-01") - monthIndex("2024-12")).toBe(1);
  });
  test("runs and gaps of the months held", () => {
    const held = ["2025-02", "2024-01", "2024-02", "2022-11", "2025-01", "2024-02"];
    expect(monthRuns(held)).toEqual([["2022-11"], ["2024-01", "2024-02"], ["2025-01", "2025-02"]]);
    expect(monthGaps(held)).toEqual([{from: "2022-12", to: "2023-12"}, {from: "2024-03", to: "2024-12"}]);
    expect(monthsBetween("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
  });
  test("periods in words", () => {
    expect(periodWords(["2025-01", "2025-12"])).toBe("January to December 2025");
    expect(periodWords(["2024-10", "2025-09"])).toBe("October 2024 to September 2025");
    expect(during(["2025-03"])).toBe("in March 2025");
    expect(during(["2025-01", "2025-04"])).toBe("from January to April 2025");
    expect(describeMonths(["2024-01", "2024-02", "2024-03", "2024-04", "2025-01", "2025-02"])).toBe("January to April 2024 and January to February 2025");
    expect(describeMonths(["2022-01", "2024-01", "2025-01"])).toBe("January 2022, January 2024 and January 2025");
    expect(formatMonthRange("2025-06", "2025-06")).toBe("June 2025");
  });
  test("gaps in words", () => {
    expect(describeGaps(["2022-11", "2024-01", "2024-02", "2025-01"])).toBe("December 2022 to December 2023 and March to December 2024");
    expect(describeGaps(["2025-01", "2025-03"])).toBe("February 2025");
    expect(describeGaps(["2025-01", "2025-02"])).toBe("");
  });
});

describe("ranks and comparisons", () => {
  test.each([[1, 9, "the highest of the nine areas"], [2, 9, "the second highest of the nine areas"], [6, 9, "the sixth highest of the nine areas"],
    [9, 9, "the lowest of the nine areas"], [3, 12, "the third highest of the 12 areas"], [12, 43, "the 12th highest of the 43 areas"]])("rank %i of %i", (rank, of, words) => {
    expect(rankWords(rank, of)).toBe(words);
  });
  test("ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 102, 111].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "111th"]);
    expect([1, 2, 28].map(ordinalLowest)).toEqual(["lowest", "second lowest", "28th lowest"]);
  });
  test("ordinals past ten", () => {
    expect([11, 21, 22, 23, 101, 112].map(ordinalHighest)).toEqual(["11th highest", "21st highest", "22nd highest", "23rd highest", "101st highest", "112th highest"]);
  });
  test("rank of forces", () => expect(rankWords(5, 39, "forces")).toBe("the fifth highest of the 39 forces"));
  test("compared with", () => {
    expect(comparedWith(110, 100)).toBe("above");
    expect(comparedWith(90, 100)).toBe("below");
    expect(comparedWith(104, 100)).toBe("about the same as");
  });
  test("change words", () => {
    expect(describeChange(100, 112)).toBe("rose by 12%");
    expect(describeChange(100, 97)).toBe("fell by 3%");
    expect(describeChange(0, 0)).toBe("was unchanged");
    expect(describeChange(1000, 1004)).toBe("was about the same");
  });
});

describe("names and lists", () => {
  test("numbers in words up to ten", () => expect([0, 1, 9, 10, 11].map(numberWord)).toEqual(["zero", "one", "nine", "ten", "11"]));
  test("possessives", () => expect([possessive("Stafford"), possessive("Staffordshire Moorlands")]).toEqual(["Stafford's", "Staffordshire Moorlands'"]));
  test("capitals and articles", () => {
    expect(capital("from January")).toBe("From January");
    expect(lower("Violence and sexual offences")).toBe("violence and sexual offences");
    expect([article("urban road"), article("rural road")]).toEqual(["an", "a"]);
  });
  test("lists", () => expect([listWords([]), listWords(["a"]), listWords(["a", "b"]), listWords(["a", "b", "c"])]).toEqual(["", "a", "a and b", "a, b and c"]));
});
