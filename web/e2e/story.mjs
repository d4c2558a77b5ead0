// What every browser story (portal-flow, cashier-flow) is made of: steps printed as they start and end, checks that
// throw, and an exit code of 0 only when the story ran to its end with every step passed.

export function required(name) {
  const value = process.env[name]
  if (!value) {
    console.error(`${name} is not set`)
    process.exit(2)
  }
  return value
}

export function check(condition, message) {
  if (!condition) throw new Error(message)
}

/** A story called `name`: `step` runs and reports one step; `finish` runs the story's main and sets the exit code. */
export function story(name) {
  let passed = 0
  let failed = 0
  /** Content-Security-Policy violations the pages reported (the story checks there are none). */
  const cspViolations = []

  async function step(title, action) {
    const started = Date.now()
    process.stdout.write(`▶ ${title}\n`)
    try {
      const result = await action()
      passed++
      console.log(`✓ ${title} (${Date.now() - started} ms)`)
      return result
    } catch (error) {
      failed++
      console.log(`✗ ${title}: ${error?.stack ?? error}`)
      throw error
    }
  }

  function finish(main, screenshotDir) {
    let completed = false
    main()
      .then(() => {
        completed = true
      })
      .catch((error) => {
        if (failed === 0) console.log(`✗ could not run the flow: ${error?.stack ?? error}`) // e.g. Chromium did not start
      })
      .finally(() => {
        console.log(`${name}: ${passed} passed, ${failed} failed`)
        console.log(`screenshots in ${screenshotDir}`)
        process.exitCode = completed && failed === 0 ? 0 : 1
      })
  }

  return { step, cspViolations, finish }
}
