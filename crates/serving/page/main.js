// The page of its own at `/`: the widget, its profile kept in the address.
import { mount } from "./widget.js";

mount(document.getElementById("himrec"), { urlState: true });
