//! Image artists as PNG (one pixel per array element), base64-encoded so they sit
//! inside the figure's SVG as an `<image>`. NaN pixels are transparent.

use super::colormap::Colormap;
use base64::Engine as _;

/// Encode `data` (`rows × cols`, row-major) through `cmap` between `vmin` and `vmax`.
pub fn png_base64(
    data: &[f64],
    rows: usize,
    cols: usize,
    cmap: &Colormap,
    vmin: f64,
    vmax: f64,
) -> String {
    let span = if vmax > vmin { vmax - vmin } else { 1.0 };
    let mut rgba = Vec::with_capacity(rows * cols * 4);
    for &v in data.iter().take(rows * cols) {
        if v.is_nan() {
            rgba.extend_from_slice(&[0, 0, 0, 0]);
        } else {
            let [r, g, b] = cmap.rgb((v - vmin) / span);
            rgba.extend_from_slice(&[r, g, b, 255]);
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, cols.max(1) as u32, rows.max(1) as u32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        if let Ok(mut w) = enc.write_header() {
            rgba.resize(rows.max(1) * cols.max(1) * 4, 0);
            let _ = w.write_image_data(&rgba);
        }
    }
    base64::engine::general_purpose::STANDARD.encode(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_decodes_to_the_array_shape_and_colours() {
        let cmap = Colormap::named("gray").unwrap();
        let b64 = png_base64(&[0.0, 1.0, f64::NAN, 0.5, 0.25, 1.0], 2, 3, &cmap, 0.0, 1.0);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        let dec = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut r = dec.read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size()];
        let info = r.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (3, 2));
        assert_eq!(&buf[0..4], &[0, 0, 0, 255]);
        assert_eq!(&buf[4..8], &[255, 255, 255, 255]);
        assert_eq!(buf[11], 0, "NaN is transparent");
    }
}
