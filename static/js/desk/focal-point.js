// The media library's focal point picker: click the subject on the picture and the two
// focal point fields get its position (fractions of width and height). The fields stay
// editable by keyboard; this only saves measuring. A static file: the admin's CSP allows no
// inline script. The marker is placed through the CSSOM, which the CSP allows.
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector("[data-focal-picker]")
  const x = document.getElementById("id_focal_x")
  const y = document.getElementById("id_focal_y")
  if (!picker || !x || !y) return
  const marker = picker.querySelector(".focal-picker__marker")
  const show = () => {
    const fx = parseFloat(x.value)
    const fy = parseFloat(y.value)
    const known = Number.isFinite(fx) && Number.isFinite(fy)
    marker.hidden = !known
    if (known) {
      marker.style.left = `${Math.min(Math.max(fx, 0), 1) * 100}%`
      marker.style.top = `${Math.min(Math.max(fy, 0), 1) * 100}%`
    }
  }
  picker.addEventListener("click", (event) => {
    const box = picker.querySelector("img").getBoundingClientRect()
    const round = (value) => Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 1000
    x.value = round((event.clientX - box.left) / box.width)
    y.value = round((event.clientY - box.top) / box.height)
    show()
  })
  x.addEventListener("input", show)
  y.addEventListener("input", show)
  show()
})
