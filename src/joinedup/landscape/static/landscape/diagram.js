// Highlight a diagram node's connections while it has focus or the pointer.
(function () {
  "use strict";
  function light(diagram, id, on) {
    diagram.querySelectorAll(".lx-edge").forEach(function (edge) {
      var a = edge.getAttribute("data-a"), b = edge.getAttribute("data-b");
      if (a !== id && b !== id) { return; }
      edge.classList.toggle("is-lit", on);
      var other = diagram.querySelector('[data-node="' + (a === id ? b : a) + '"]');
      if (other) { other.classList.toggle("is-lit", on); }
    });
  }
  document.querySelectorAll(".lx-diagram").forEach(function (diagram) {
    diagram.querySelectorAll("[data-node]").forEach(function (node) {
      var id = node.getAttribute("data-node");
      ["focus", "mouseenter"].forEach(function (name) {
        node.addEventListener(name, function () { light(diagram, id, true); });
      });
      ["blur", "mouseleave"].forEach(function (name) {
        node.addEventListener(name, function () { light(diagram, id, false); });
      });
    });
  });
}());
