// As in the app (renderer/src/main.tsx): zod runs without eval, which the app's CSP forbids. Must come first.
import '../../renderer/src/zod-jitless';
import './load-core';
