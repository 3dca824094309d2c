/** Keyboard moves of the explainers' tab bar (WAI-ARIA tabs pattern). Pure. */

/** The index a key moves the focus to in a list of n tabs, or undefined for other keys. */
export function tabKeyTarget(key: string, index: number, n: number): number | undefined {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return (index + 1) % n;
    case "ArrowLeft":
    case "ArrowUp":
      return (index - 1 + n) % n;
    case "Home":
      return 0;
    case "End":
      return n - 1;
    default:
      return undefined;
  }
}
