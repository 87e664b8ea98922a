// Counts grouped the Indian way (1,00,000), written out by hand: Node and browsers ship
// different locale data, and any difference in the text breaks hydration.

export function formatIndianCount(count: number): string {
  const digits = String(Math.trunc(count));
  const lastThree = digits.slice(-3);
  const rest = digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ",");
  return rest ? `${rest},${lastThree}` : lastThree;
}
