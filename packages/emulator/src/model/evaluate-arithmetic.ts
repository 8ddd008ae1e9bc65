/**
 * Evaluates a plain arithmetic expression (numbers, `+ - * / % ^`, parentheses, unary minus) without `eval`.
 * Returns undefined for anything else, division by zero or a non-finite result.
 *
 * @example
 * ```ts
 * evaluateArithmetic("12 * (3 + 4)"); // => 84
 * evaluateArithmetic("2 ^ 10");       // => 1024
 * ```
 */
export function evaluateArithmetic(expression: string): number | undefined {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/%^()]|\S/g) ?? [];
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const fail = (): never => {
    throw new RangeError("not arithmetic");
  };

  const primary = (): number => {
    const token = tokens[position++];
    if (token === undefined) return fail();
    if (token === "(") {
      const value = sum();
      if (tokens[position++] !== ")") fail();
      return value;
    }
    if (token === "-") return -power();
    if (token === "+") return power();
    if (!/^\d/.test(token)) fail();
    return Number(token);
  };
  const power = (): number => {
    const base = primary();
    if (peek() !== "^") return base;
    position++;
    return base ** power();
  };
  const product = (): number => {
    let value = power();
    for (let operator = peek(); operator === "*" || operator === "/" || operator === "%"; operator = peek()) {
      position++;
      const right = power();
      if (operator !== "*" && right === 0) fail();
      value = operator === "*" ? value * right : operator === "/" ? value / right : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    for (let operator = peek(); operator === "+" || operator === "-"; operator = peek()) {
      position++;
      value = operator === "+" ? value + product() : value - product();
    }
    return value;
  };

  try {
    const value = sum();
    if (position !== tokens.length || !Number.isFinite(value)) return undefined;
    return Number.parseFloat(value.toPrecision(12));
  } catch {
    return undefined;
  }
}
