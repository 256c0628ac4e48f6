/**
 * The tray's icon: build/icons/32x32.png (drawn by build/icons.ts) as a data URL, so the packaged
 * app (whose files are only out/**) carries it inside its code. test/unit/main/tray.test.ts
 * checks that it is still that file.
 */
export const TRAY_ICON_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAABpElEQVR42s1XO0sDQRDeX5K/sH9CE3xEttJqu+tFsVPRToNYmFJQFBRJIWhA0MbCQiSghVdoYQofhSimUKJwzci33B53l81DDJk7GFh255v55rF7u0LEPqlVTmpVklr5UqtAakV9kiC0Cds54fqkVl6fnXYi47mc04DFi6c9YCAQmHKEdSEmKYmwObgI+IIp/VEZBKNzIz0RmCuv0sFZlS6ur4xgjDm7Pjs/TnvlETrfLhjBGHP/JgAn9ac6/Xx/OeXltkKPR0X6PBlyyn0l35VIWwLr+1sJZx+Nd6r5N0Ywbt7tJJy9Hg/T5W7BCMbxtbWV0b8RQORxx0ubG4l1RBU5OC1S8+EwURLI4vJYgki7TDgJ2LTD+dTCTMs6Ugujb9U8NZ5rRheYtN7k9EREApieCMSjT0eejh5RQsfqp7NgM9EpCy0E0OE2ehdjdLituZ2DLjDAujA2C8B2JYBtBmNoNpcxbDMYQ7PZOegCA6wLA11ggM0+AfYSsDch+zbMxEHEfhRn4meUid/xoC4k7Fcy9ksp+7Wc92HC/jTLxOOU83n+C1LRTtclHOZTAAAAAElFTkSuQmCC'
