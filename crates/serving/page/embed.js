// For another site's page: mounts the widget into every element with a
// `data-himrec` attribute, calling the service this script came from.
//
//   <div data-himrec data-key="PUBLISHABLE_KEY" data-language="es"></div>
//   <script type="module" src="https://himrec.example.org/page/embed.js"></script>
import { mount } from "./widget.js";

const api = new URL(import.meta.url).origin;
if (!document.querySelector(`link[href="${api}/page/style.css"]`)) {
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = `${api}/page/style.css`;
  document.head.append(style);
}
for (const root of document.querySelectorAll("[data-himrec]")) {
  mount(root, { api, key: root.dataset.key, language: root.dataset.language });
}
