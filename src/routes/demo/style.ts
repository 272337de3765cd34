/** The demo page's stylesheet, served as /demo.css: one column, phone first, visible focus, no colour-only cues. */
export const DEMO_CSS = `
:root { color-scheme: light dark; --accent: #0b5cad; --bg: Canvas; --fg: CanvasText; --muted: #5a5a5a; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 40rem; padding: 1rem; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", sans-serif; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.25rem; }
.note { font-size: 0.95rem; }
.hint { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0 0.75rem; }
@media (prefers-color-scheme: dark) { :root { --muted: #b0b0b0; --accent: #6aa9ff; } }
form { display: flex; flex-direction: column; gap: 0.25rem; }
fieldset { border: 1px solid #8888; border-radius: 0.5rem; padding: 0.75rem; margin: 0 0 0.75rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { font-weight: 600; }
.pickers { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.button, button { display: inline-block; min-height: 2.75rem; padding: 0.6rem 1rem; border-radius: 0.5rem; border: 2px solid var(--accent); background: var(--accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; text-align: center; }
.pickers .button { background: transparent; color: var(--accent); flex: 1 1 10rem; }
button:disabled { opacity: 0.6; cursor: progress; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
/* The pickers' inputs are hidden after their labels: the focus ring goes on the label of the focused input. */
.pickers label:has(+ input:focus-visible), :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
#preview { display: block; max-width: 100%; max-height: 16rem; margin-top: 0.5rem; border-radius: 0.5rem; object-fit: contain; }
#preview[hidden] { display: none; }
textarea, select, input[type="password"] { width: 100%; font: inherit; padding: 0.5rem; border-radius: 0.4rem; border: 1px solid #888; margin-bottom: 0.25rem; }
details { margin: 0.5rem 0 1rem; }
#error { border: 2px solid #b00020; border-radius: 0.5rem; padding: 0.75rem; margin-top: 1rem; }
#error p { margin: 0.25rem 0 0; }
#result { margin-top: 1.5rem; border-top: 1px solid #8888; }
#result:focus { outline: none; }
.emergency-line { font-weight: 700; color: #b00020; margin: 0.25rem 0; }
@media (prefers-color-scheme: dark) { .emergency-line { color: #ff8a80; } }
.triage { display: flex; flex-direction: column; gap: 0.25rem; font-size: 1.05rem; padding: 0.6rem 0.8rem; border-radius: 0.5rem; border-left: 0.5rem solid #888; background: #8882; margin-top: 0.75rem; }
.triage strong { font-size: 1.2rem; }
.triage .action { font-weight: 400; }
.photo-problem { font-weight: 700; padding: 0.6rem 0.8rem; border-radius: 0.5rem; border: 2px dashed #888; }
.triage.level-self_care { border-color: #2e7d32; }
.triage.level-doctor { border-color: #f9a825; }
.triage.level-doctor_soon { border-color: #ef6c00; }
.triage.level-same_day { border-color: #d84315; }
.question { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0 0 0.5rem; }
.question legend { font-weight: 400; padding: 0; margin-bottom: 0.25rem; }
.question .choice { display: inline-flex; gap: 0.35rem; align-items: center; min-height: 2.75rem; }
.question input { width: 1.25rem; height: 1.25rem; flex: none; }
.question label { font-weight: 600; }
/* The strongest style the page has: the action and the number first, nothing slower above them. */
.triage.level-emergency { border: 0.25rem solid #b00020; background: #b00020; color: #fff; font-size: 1.2rem; }
.triage.level-emergency strong { font-size: 1.5rem; }
.triage.level-emergency .action { font-weight: 700; }
#findings { padding-left: 1.5rem; }
.finding { margin-bottom: 0.6rem; }
.finding-name { font-weight: 600; }
.finding-value { float: right; font-variant-numeric: tabular-nums; }
.bar { display: block; height: 0.75rem; border-radius: 0.4rem; background: #8884; overflow: hidden; margin-top: 0.2rem; }
.bar-fill { display: block; height: 100%; background: var(--accent); }
footer { margin: 2rem 0 1rem; font-size: 0.9rem; }
`;
